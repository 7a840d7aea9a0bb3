import type { Db } from '../db/database.ts';
import { createDestination } from '../domain/destinations.ts';
import { createLink } from '../domain/links.ts';

/** The demo merchant's approved destinations. `{public}` is this server's public URL (the demo site). */
const DESTINATIONS = [
  {
    name: 'Shop home (this demo)',
    url: '{public}/',
    description: 'The demo shop served by this server: follow a tracked link and land here with the click id in the address.',
    allowSubpaths: true,
  },
  {
    name: 'Partner widgets page (this demo)',
    url: '{public}/widgets.html',
    description: 'Another page of this demo, to try a link with a path.',
    allowSubpaths: true,
  },
  {
    name: 'Home',
    url: 'https://harborandpine.example/',
    description: 'Our front page: this week’s roasts, the story of the roastery, and the shop.',
    allowSubpaths: true,
  },
  {
    name: 'Subscriptions',
    url: 'https://harborandpine.example/subscribe',
    description: 'Roast-of-the-month subscriptions: the best page for the Coffee Subscriptions program.',
    allowSubpaths: true,
  },
  {
    name: 'Espresso gear',
    url: 'https://harborandpine.example/shop/espresso',
    description: 'Grinders, tampers and the Harbor Grinder Pro.',
    allowSubpaths: true,
  },
  {
    name: 'Wholesale',
    url: 'https://harborandpine.example/wholesale',
    description: 'For cafés, offices and restaurants: the tasting-kit request form. Link to this page only.',
    allowSubpaths: false,
  },
] as const;

/** Links for the demo partners: [partner code, destination name, path, campaign]. */
const LINKS: Array<[string, string, string, string]> = [
  ['demo', 'Shop home (this demo)', '', 'newsletter'],
  ['demo', 'Subscriptions', '', 'blog-sidebar'],
  ['demo', 'Espresso gear', '/shop/espresso/grinder-pro', 'review-2030'],
  ['brewblog', 'Home', '', ''],
  ['brewblog', 'Wholesale', '', 'cafe-guide'],
  ['latteletters', 'Subscriptions', '', 'issue-42'],
];

/**
 * Link destinations and a few links for the demo partners. Call after the partners exist.
 * Idempotent: a database that already has destinations is left alone (so edits made during a demo
 * survive a restart). Answers whether it seeded.
 */
export function seedTracking(db: Db, options: { publicUrl: string }, now: number): boolean {
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM destinations').get() as { n: number };
  if (n > 0) return false;
  db.transaction(() => {
    const ids = new Map<string, number>();
    for (const d of DESTINATIONS) {
      const created = createDestination(
        db,
        { name: d.name, url: d.url.replace('{public}', options.publicUrl), description: d.description, allowSubpaths: d.allowSubpaths },
        now,
      );
      ids.set(d.name, created.id);
    }
    LINKS.forEach(([code, destination, path, campaign], i) => {
      const partner = db.prepare('SELECT id FROM partners WHERE code = ?').get(code) as { id: number } | undefined;
      const destinationId = ids.get(destination);
      if (!partner || destinationId === undefined) return;
      // A minute apart, so "newest first" has an order to show.
      createLink(db, partner.id, { destinationId, path, campaign }, { publicUrl: options.publicUrl, now: now - (LINKS.length - i) * 60_000 });
    });
  })();
  return true;
}
