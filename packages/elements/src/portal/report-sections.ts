// The Reports sections, loaded together the first time one of them is shown (they share the
// report table, filters and CSV download).
import '../commissions/rp-commissions.js';
import '../leads/rp-leads.js';
import '../sales/rp-sales.js';
import '../ledger/rp-ledger.js';
