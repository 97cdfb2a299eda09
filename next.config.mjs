// Importing the env module validates every variable, so a misconfigured build fails here, not at runtime.
import { withSerwist } from "@serwist/turbopack";
import createNextIntlPlugin from "next-intl/plugin";
import { PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { publicTileProblem } from "./scripts/lib/map-tiles.mjs";
import { env } from "./src/env.js";

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // ASSET_PREFIX: serve /_next/static from a CDN (docs/deploy.md "CDN"); unset, from this server.
  assetPrefix: env.ASSET_PREFIX,
  poweredByHeader: false,
  // The custom server (src/server/web-server.ts) owns the port; Next only renders and routes.
  typescript: { ignoreBuildErrors: false },
  // `forbidden()` answers 403 from server components (the admin pages refuse non-admins with it).
  experimental: { authInterrupts: true },
};

// Sentry's build plugin only uploads source maps, which needs a token and the network; without a token the
// plain config keeps offline builds free of it. Runtime error reporting does not depend on it (instrumentation.ts).
/** @param {import("next").NextConfig} config */
async function withSentryWhenConfigured(config) {
  if (!env.SENTRY_AUTH_TOKEN) return config;
  const { withSentryConfig } = await import("@sentry/nextjs/config");
  return withSentryConfig(config, {
    org: env.SENTRY_ORG,
    project: env.SENTRY_PROJECT,
    authToken: env.SENTRY_AUTH_TOKEN,
    silent: !process.env.CI,
  });
}

// next-intl without locale segments in URLs: the request's language comes from src/i18n/request.ts (docs/i18n.md).
// The catalogues under messages/ are compiled at build time (ICU syntax → compact arrays), so the browser formats
// them without shipping or running an ICU parser (docs/i18n.md, "Precompiled messages").
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./src/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

/** @param {string} phase */
export default async function config(phase) {
  // The tile URL is inlined into the browser bundle at build time, so a production build is where to refuse it.
  const tiles = phase === PHASE_PRODUCTION_BUILD ? publicTileProblem(env.NEXT_PUBLIC_MAP_TILE_URL) : null;
  if (tiles) throw new Error(tiles);
  // withSerwist keeps esbuild (which bundles the service worker, src/app/sw.js/route.ts) out of the server bundle.
  return withSentryWhenConfigured(withNextIntl(withSerwist(nextConfig)));
}
