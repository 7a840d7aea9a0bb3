import { deflateSync } from 'node:zlib';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { createBanner } from '../domain/banners.ts';
import { createEmail } from '../domain/email-copy.ts';
import { storeMedia } from '../domain/media.ts';
import { createPage } from '../domain/resource-pages.ts';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

type Rgb = [number, number, number];

/** `a` and `b` mixed: `t` = 0 gives `a`, 1 gives `b`. */
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * t)) as Rgb;

/**
 * How much of the drawing (0..1) covers the point (x, y): a coffee bean and a cup on a saucer
 * side by side (one above the other in a tall banner), each `size` across.
 */
function motif(x: number, y: number, width: number, height: number): number {
  const tall = height > width * 1.5;
  const wide = width > height * 1.5;
  const size = Math.min(width, height) * (wide || tall ? 0.62 : 0.42);
  const [beanX, beanY] = tall ? [width / 2, height * 0.22] : [wide ? height * 0.6 : width * 0.3, height / 2];
  const [cupX, cupY] = tall ? [width / 2, height * 0.22 + size * 1.25] : [wide ? beanX + size * 1.2 : width * 0.66, height / 2];
  // The bean: a tilted ellipse with its curved crease cut out.
  const dx = x - beanX;
  const dy = y - beanY;
  const u = (dx * Math.cos(0.5) - dy * Math.sin(0.5)) / (size * 0.32);
  const v = (dx * Math.sin(0.5) + dy * Math.cos(0.5)) / (size * 0.46);
  const crease = Math.abs(u - 0.25 * Math.sin(v * Math.PI)) < 0.12;
  if (u * u + v * v <= 1 && !crease) return 1;
  // The cup: a bowl narrowing to its foot, a ring for the handle, a flat saucer under it.
  const cx = (x - cupX) / size;
  const cy = (y - cupY) / size;
  const bowl = cy > -0.3 && cy < 0.22 && Math.abs(cx) < 0.34 - (cy + 0.3) * 0.25;
  const handle = Math.hypot(cx - 0.34, cy + 0.06) < 0.16 && Math.hypot(cx - 0.34, cy + 0.06) > 0.08 && cx > 0.3;
  const saucer = ((cx / 0.5) ** 2 + ((cy - 0.27) / 0.06) ** 2) <= 1;
  return bowl || handle || saucer ? 1 : 0;
}

/**
 * A small valid PNG that looks like a banner: the background, a thin inner frame and diagonal
 * bands in a faint tint of the second colour, and a coffee bean and a cup drawn in it, so the
 * demo's banners look real without shipping binary files. Also used by tests.
 */
export function makePng(width: number, height: number, background: Rgb = [47, 107, 79], band: Rgb = [244, 236, 220]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const tint = mix(background, band, 0.1);
  const inset = Math.max(3, Math.round(Math.min(width, height) * 0.06));
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0, then pixels
    for (let x = 0; x < width; x++) {
      const edge = Math.min(x, y, width - 1 - x, height - 1 - y);
      const frame = edge === inset || edge === inset + 1;
      const stripes = (x + y) % 48 < 14 && x + y > (width + height) * 0.62;
      let colour = frame ? mix(background, band, 0.55) : stripes ? tint : background;
      // Four samples per pixel smooth the drawing's edges.
      const cover = (motif(x + 0.25, y + 0.25, width, height) + motif(x + 0.75, y + 0.25, width, height) + motif(x + 0.25, y + 0.75, width, height) + motif(x + 0.75, y + 0.75, width, height)) / 4;
      if (cover > 0) colour = mix(colour, band, cover);
      row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const PAGES = [
  {
    title: 'Brand guidelines',
    slug: 'brand-guidelines',
    html: `<h2>Our name</h2>
<p>Write <strong>Harbor &amp; Pine</strong> — with the ampersand, both words capitalised. Never “H&amp;P” in copy your readers see, and never “Harbour”.</p>
<h2>Colours</h2>
<table><thead><tr><th scope="col">Use</th><th scope="col">Colour</th></tr></thead>
<tbody><tr><td>Pine green (primary)</td><td><code>#2f6b4f</code></td></tr><tr><td>Crema (background)</td><td><code>#f4ecdc</code></td></tr><tr><td>Roast (text)</td><td><code>#2b211c</code></td></tr></tbody></table>
<h2>Do and don’t</h2>
<ul><li>Do use the banners from the Banners section as they are; they already carry your link.</li>
<li>Do say you are a partner and may earn a commission.</li>
<li>Don’t bid on “Harbor and Pine” or misspellings in paid search.</li>
<li>Don’t promise discounts we have not announced.</li></ul>
<p>Questions? Write to <a href="mailto:partners@harborandpine.example">partners@harborandpine.example</a>.</p>`,
  },
  {
    title: 'How to talk about our coffee',
    slug: 'talking-about-our-coffee',
    html: `<p>The best recommendations are personal. Tell your readers what <em>you</em> taste and how you brew it; here are the facts to lean on.</p>
<h2>What makes it different</h2>
<ol><li><strong>Roasted twice a week</strong>, Tuesdays and Fridays, and shipped within 48 hours.</li>
<li><strong>Direct trade</strong> with the same six farms for over five years.</li>
<li><strong>Subscriptions you can pause</strong> at any time, no questions asked.</li></ol>
<blockquote><p>“The first bag I opened smelled like blueberries and dark chocolate. I have not bought supermarket coffee since.” — a subscriber since 2027</p></blockquote>
<h2>Brewing tips worth sharing</h2>
<pre><code>Pour-over: 15 g coffee, 250 g water at 94 °C, 3 minutes.
French press: 30 g coarse, 500 g water, 4 minutes, then press gently.</code></pre>
<p>More in our <a href="https://harborandpine.example/brew-guides">brew guides</a>.</p>`,
  },
];

const EMAILS = [
  {
    name: 'Introduce the subscription',
    destination: 'Subscriptions',
    subject: 'The coffee I have been drinking every morning',
    bodyText: `Hi there,

I've been drinking Harbor & Pine's roast-of-the-month for a while now, and it's the first subscription I've kept. They roast twice a week and ship within two days, so it actually tastes fresh.

If you want to try it, this link takes you to the subscription page:
{{link}}

Cheers,
{{partner.firstName}}`,
    bodyHtml: `<p>Hi there,</p>
<p>I’ve been drinking Harbor &amp; Pine’s roast-of-the-month for a while now, and it’s the first subscription I’ve kept. They roast twice a week and ship within two days, so it actually tastes fresh.</p>
<p><a href="{{link}}">Try the roast-of-the-month subscription</a></p>
<p>Cheers,<br>{{partner.firstName}}</p>`,
  },
  {
    name: 'Gift idea',
    destination: 'Home',
    subject: 'A gift idea for the coffee lover in your life',
    bodyText: `Looking for a gift? Harbor & Pine sends fresh, small-batch coffee anywhere in the country.

Have a look: {{link}}

— {{partner.name}}`,
    bodyHtml: null,
  },
];

const BANNERS: Array<{ name: string; width: number; height: number; alt: string; destination: string; colours: [Rgb, Rgb] }> = [
  { name: 'Leaderboard', width: 728, height: 90, alt: 'Harbor & Pine — fresh coffee, roasted twice a week', destination: 'Shop home (this demo)', colours: [[47, 107, 79], [244, 236, 220]] },
  { name: 'Medium rectangle', width: 300, height: 250, alt: 'Try the Harbor & Pine roast-of-the-month subscription', destination: 'Subscriptions', colours: [[43, 33, 28], [244, 236, 220]] },
  { name: 'Skyscraper', width: 160, height: 600, alt: 'Harbor & Pine espresso gear and the Harbor Grinder Pro', destination: 'Espresso gear', colours: [[244, 236, 220], [47, 107, 79]] },
];

/**
 * Resource pages, email copy and banners of the demo merchant (banner images generated here and
 * stored like uploads). Call after the destinations exist. Idempotent: does nothing if any
 * resource page exists. Answers whether it seeded.
 */
export function seedResources(db: Db, config: Pick<Config, 'publicUrl' | 'databasePath' | 'mediaDir'>, now: number): boolean {
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM resource_pages').get() as { n: number };
  if (n > 0) return false;
  const destination = (name: string) => (db.prepare('SELECT id FROM destinations WHERE name = ?').get(name) as { id: number } | undefined)?.id;
  db.transaction(() => {
    PAGES.forEach((page, position) => createPage(db, { ...page, published: true, position }, now));
    EMAILS.forEach(({ destination: name, ...email }, position) => {
      const destinationId = destination(name);
      if (destinationId !== undefined) createEmail(db, { ...email, destinationId, position }, now);
    });
    BANNERS.forEach((banner, position) => {
      const destinationId = destination(banner.destination);
      if (destinationId === undefined) return;
      const image = storeMedia(config as Config, makePng(banner.width, banner.height, ...banner.colours));
      createBanner(db, config as Config, { name: banner.name, image: image.name, alt: banner.alt, destinationId, active: true, position }, now);
    });
  })();
  return true;
}
