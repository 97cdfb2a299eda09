/**
 * /sw.js: the service worker (src/app/sw.ts), bundled by Serwist with the precache manifest of this build. Built
 * once when the app is built (a static route), so serving it costs nothing. It keeps the old public/sw.js address,
 * so browsers that registered the push-only worker update to this one in place (same scope, same subscription).
 */
import { createSerwistRoute } from "@serwist/turbopack";

const serwist = createSerwistRoute({
  swSrc: "src/app/sw.ts",
  // esbuild is already installed (tsx, react-email); esbuild-wasm would be a second copy.
  useNativeEsbuild: true,
  esbuildOptions: { sourcemap: false },
  // The app shell: Next's hashed scripts and styles, the icons. Not source maps, not the dev-only email previews.
  globPatterns: [".next/static/**/*.{js,css,woff2}", "public/**/*.{png,svg,ico}"],
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
});

export const dynamic = "force-static";
export const revalidate = false;

export async function GET(req: Request) {
  const res = await serwist.GET(req, { params: Promise.resolve({ path: "sw.js" }) });
  // A new build's worker must be found at once: browsers revalidate it instead of reusing a cached copy.
  res.headers.set("Cache-Control", "no-cache");
  return res;
}
