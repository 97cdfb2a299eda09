/**
 * The device's position once (never watched), or null when the browser has none or the user refuses. Used by the
 * job page's start button and the field actions ("on my way").
 */
export function devicePositionOnce(): Promise<{ lat: number; lng: number } | null> {
  return new Promise((resolve) => {
    if (!("geolocation" in navigator)) return resolve(null);
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(null),
      { timeout: 8000, maximumAge: 60_000 },
    );
  });
}
