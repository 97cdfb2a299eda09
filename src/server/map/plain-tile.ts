/**
 * A plain 256×256 map tile, for machines where no tile server can be reached (tests, offline development):
 * set NEXT_PUBLIC_MAP_TILE_URL=/api/tiles/{z}/{x}/{y}. Encoded once as a PNG with Node's zlib.
 *
 * It draws a grid of white streets on the land colour rather than a blank square: Chrome does not count an image
 * under 0.05 bits per pixel as a page's largest paint (a blank square is 0.01), while a real tile (streets, labels;
 * 10–40 kB) always counts. With a blank square the Lighthouse runs measured a different paint than production's.
 * This one is 2.7 kB, 0.33 bits per pixel.
 */
import zlib from "node:zlib";

const SIZE = 256;

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

type Rgb = [number, number, number];

function encodePng(pixel: (x: number, y: number) => Rgb): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  const raw = Buffer.concat(
    Array.from({ length: SIZE }, (_, y) => {
      const row = Buffer.alloc(1 + SIZE * 3); // each row starts with its filter byte, 0: none
      for (let x = 0; x < SIZE; x++) row.set(pixel(x, y), 1 + x * 3);
      return row;
    }),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const LAND: Rgb = [236, 240, 234];
const STREET: Rgb = [255, 255, 255];
const LANE: Rgb = [246, 246, 242];

export const PLAIN_TILE_PNG = encodePng((x, y) => {
  if (x % 64 < 3 || y % 64 < 3 || (x + y) % 181 < 2) return STREET;
  return x % 32 === 0 || y % 32 === 0 ? LANE : LAND;
});
