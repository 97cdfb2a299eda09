"use client";
import L from "leaflet";
import { MapContainer, Marker, TileLayer, useMapEvents } from "react-leaflet";
import { MAP_ATTRIBUTION, MAP_TILE_URL } from "./map-settings";

const BLANK_TILE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
const pin = L.divIcon({ className: "scoop-pin scoop-pin--POOP", html: '<span class="scoop-pin__badge">Yard</span>', iconSize: [0, 0] });

function ClickToMove({ onChange }: { onChange: (p: { lat: number; lng: number }) => void }) {
  useMapEvents({ click: (e) => onChange({ lat: e.latlng.lat, lng: e.latlng.lng }) });
  return null;
}

/** Tap the map to drop the pin, or drag it: the pin, not the address text, is where the scooper goes. */
export function PinPickerInner({ value, onChange }: { value: { lat: number; lng: number }; onChange: (p: { lat: number; lng: number }) => void }) {
  const tileUrl = MAP_TILE_URL;
  return (
    <MapContainer center={[value.lat, value.lng]} zoom={15} className="h-full w-full" data-testid="pin-picker">
      {tileUrl !== "none" && <TileLayer url={tileUrl} attribution={MAP_ATTRIBUTION} errorTileUrl={BLANK_TILE} />}
      <ClickToMove onChange={onChange} />
      <Marker
        position={[value.lat, value.lng]}
        icon={pin}
        draggable
        eventHandlers={{ dragend: (e) => onChange((e.target as L.Marker).getLatLng()) }}
      />
    </MapContainer>
  );
}
