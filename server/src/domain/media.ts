import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MAX_MEDIA_BYTES, MediaName, type MediaUpload } from '@rp/contract';
import type { Config } from '../config.ts';
import { ApiError } from '../http/errors.ts';

/**
 * Uploaded images. The type is decided by the file's own bytes (magic numbers), never by the
 * declared Content-Type or a file name; width and height come from the image header. SVG is not
 * accepted at all: it is a document that can carry script. Files get random names and are served
 * with their type, `nosniff` and a sandboxing CSP.
 */

export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

export const EXTENSIONS: Record<ImageType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};
const TYPE_OF_EXTENSION = new Map(Object.entries(EXTENSIONS).map(([type, ext]) => [ext, type as ImageType]));

/** Images larger than this in either direction are refused: no banner needs it, and it bounds decoders downstream. */
export const MAX_DIMENSION = 10_000;

export interface ImageInfo {
  type: ImageType;
  width: number;
  height: number;
}

const ascii = (b: Uint8Array, start: number, length: number) => String.fromCharCode(...b.subarray(start, start + length));

function png(b: Buffer): ImageInfo | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || !signature.every((v, i) => b[i] === v) || ascii(b, 12, 4) !== 'IHDR') return null;
  return { type: 'image/png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function gif(b: Buffer): ImageInfo | null {
  if (b.length < 10 || (ascii(b, 0, 6) !== 'GIF87a' && ascii(b, 0, 6) !== 'GIF89a')) return null;
  return { type: 'image/gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
}

/** JPEG: walk the segments to the first start-of-frame marker, which holds the size. */
function jpeg(b: Buffer): ImageInfo | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return null;
  let offset = 2;
  while (offset + 9 < b.length) {
    if (b[offset] !== 0xff) return null;
    const marker = b[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    const length = b.readUInt16BE(offset + 2);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { type: 'image/jpeg', height: b.readUInt16BE(offset + 5), width: b.readUInt16BE(offset + 7) };
    offset += 2 + length;
  }
  return null;
}

function webp(b: Buffer): ImageInfo | null {
  if (b.length < 30 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return null;
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return { type: 'image/webp', width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return null;
    const bits = b.readUInt32LE(21);
    return { type: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    return { type: 'image/webp', width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  }
  return null;
}

/** The image's real type and size from its bytes, or null when it is none of PNG, JPEG, GIF, WebP (or its header is broken). */
export function inspectImage(bytes: Buffer): ImageInfo | null {
  const info = png(bytes) ?? gif(bytes) ?? jpeg(bytes) ?? webp(bytes);
  if (!info) return null;
  const ok = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_DIMENSION;
  return ok(info.width) && ok(info.height) ? info : null;
}

/** Where uploads live: RP_MEDIA_DIR, or `media/` beside the database (`<repo>/data/media` by default). */
export const mediaDir = (config: Config) => config.mediaDir ?? join(dirname(config.databasePath), 'media');

export const mediaUrl = (publicUrl: string, name: string) => `${publicUrl}/media/${name}`;

/** Check and store an upload; nothing is written unless it is a supported image within the limits. */
export function storeMedia(config: Config, bytes: Buffer): MediaUpload {
  if (bytes.length === 0) throw new ApiError('invalid_request', 'The upload is empty; send the image as the request body.');
  if (bytes.length > MAX_MEDIA_BYTES) throw new ApiError('payload_too_large', `Images may be at most ${MAX_MEDIA_BYTES / 1024 / 1024} MB.`);
  const info = inspectImage(bytes);
  if (!info) throw new ApiError('unsupported_media_type', 'Upload a PNG, JPEG, GIF or WebP image (SVG is not accepted).');
  const name = `${randomBytes(16).toString('hex')}.${EXTENSIONS[info.type]}`;
  const dir = mediaDir(config);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  try {
    writeFileSync(path, bytes, { flag: 'wx' });
  } catch (error) {
    try {
      unlinkSync(path);
    } catch {
      /* nothing was created */
    }
    throw error;
  }
  return { name, url: mediaUrl(config.publicUrl, name), contentType: info.type, size: bytes.length, width: info.width, height: info.height };
}

/** A stored image's type and size, read again from its bytes; null if there is no such file. */
export function readMediaInfo(config: Config, name: string): ImageInfo | null {
  const file = readMedia(config, name);
  return file ? inspectImage(file.bytes) : null;
}

/** A stored file to serve: its bytes and type, or null. Only names the server made are looked up. */
export function readMedia(config: Config, name: string): { bytes: Buffer; type: ImageType } | null {
  if (!MediaName.safeParse(name).success) return null;
  const type = TYPE_OF_EXTENSION.get(name.split('.').pop() ?? '');
  if (!type) return null;
  try {
    return { bytes: readFileSync(join(mediaDir(config), name)), type };
  } catch {
    return null;
  }
}
