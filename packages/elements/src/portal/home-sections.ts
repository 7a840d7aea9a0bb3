// The Home sections, loaded together the first time one of them is shown: a partner who opens
// one usually opens the others, and one response compresses better than four.
import '../welcome/rp-welcome.js';
import '../profile/rp-profile.js';
import '../programs/rp-programs.js';
import '../commission-structure/rp-commission-structure.js';
