import type { MetadataRoute } from "next";

/** /manifest.webmanifest: what a phone needs to install Scoop as an app (Next serves it as application/manifest+json). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Scoop: yard cleanups",
    short_name: "Scoop",
    description: "Dog-waste yard cleanups, posted by neighbours and done by local scoopers.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#ffffff",
    theme_color: "#157f42",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
