// Importing the env module validates every variable, so a misconfigured build fails here, not at runtime.
import "./src/env.js";

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server (src/server/web-server.ts) owns the port; Next only renders and routes.
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
