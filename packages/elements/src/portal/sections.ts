// Every section's element, loaded as one chunk the first time any section is shown. Measured
// (npm run bench -- bundle-size): one chunk for all sections is about 4.7 KB (gzip) smaller than
// four groups (Home, links, Reports, Resources), as shared code then lands in one file, each file
// is compressed on its own, and repeated templates and styles compress against each other.
import '../welcome/rp-welcome.js';
import '../profile/rp-profile.js';
import '../programs/rp-programs.js';
import '../commission-structure/rp-commission-structure.js';
import '../link-generator/rp-link-generator.js';
import '../banners/rp-banners.js';
import '../email-copy/rp-email-copy.js';
import '../resource-pages/rp-resource-pages.js';
import '../commissions/rp-commissions.js';
import '../leads/rp-leads.js';
import '../sales/rp-sales.js';
import '../ledger/rp-ledger.js';
