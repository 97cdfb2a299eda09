/** A scooper's service area (centre + radius) as the board's first view: the box around the circle and a zoom that shows it. */
const ZOOM_FOR_RADIUS_KM: Record<number, number> = { 2: 14, 5: 13, 10: 12, 25: 10 };
const KM_PER_DEGREE_LAT = 111.32;

export type ServiceArea = { lat: number; lng: number; radiusKm: number };

export function serviceAreaViewport(area: ServiceArea) {
  const dLat = area.radiusKm / KM_PER_DEGREE_LAT;
  const dLng = area.radiusKm / (KM_PER_DEGREE_LAT * Math.max(Math.cos((area.lat * Math.PI) / 180), 0.01));
  return {
    bounds: { south: area.lat - dLat, north: area.lat + dLat, west: area.lng - dLng, east: area.lng + dLng },
    zoom: ZOOM_FOR_RADIUS_KM[area.radiusKm] ?? 11,
  };
}

const NEW_YORK = { lat: 40.7128, lng: -73.95 };
const CITY_VIEWPORT = { bounds: { south: 40.5, west: -74.1, north: 40.95, east: -73.7 }, zoom: 11 };

/**
 * Where the board's map opens: on the scooper's service area, else on the city. The server draws this view's tiles
 * before the map's script runs (src/components/map/map-preview.tsx) and Leaflet opens on the same centre and zoom.
 */
export function firstBoardView(area?: ServiceArea | null) {
  return area ? { center: { lat: area.lat, lng: area.lng }, viewport: serviceAreaViewport(area) } : { center: NEW_YORK, viewport: CITY_VIEWPORT };
}
