/**
 * The merchant's back office: every admin element, defined. A separate bundle (`rp-admin.js`)
 * from the partner center, so partners never download it.
 */
import './signin/rp-admin-signin.js';
import './settings/rp-admin-settings.js';
import './outbox/rp-admin-outbox.js';
import './partners/rp-admin-partners.js';
import './programs/rp-admin-programs.js';
import './resources/rp-admin-resources.js';
import './destinations/rp-admin-destinations.js';
