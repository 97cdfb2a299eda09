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
