"use client";
/**
 * react-leaflet's `MapContainer`, except that Leaflet starts on a box the browser has already laid out and painted.
 * `MapContainer` creates the map in its box's ref callback, in the commit that inserts the box: Leaflet's first
 * `getSize` then forced a layout of everything that commit changed, and the map's creation, its first view and its
 * layers ran as one task (a third of that task on the board was the forced layout: issue 16's blocking time).
 * Here the box renders at once (so the page keeps its shape), the map is created one frame later in a task of its
 * own, and the children (layers, markers, controls) render in the task after that. Children use react-leaflet's
 * hooks as under `MapContainer` (the same `LeafletContext`).
 */
import { createLeafletContext, LeafletContext, type LeafletContextInterface } from "@react-leaflet/core";
import L from "leaflet";
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";

type Props = {
  /** The first view: later changes are ignored (as `MapContainer`'s are); move the map through Leaflet. */
  center: L.LatLngExpression;
  zoom: number;
  className?: string;
  style?: CSSProperties;
  scrollWheelZoom?: boolean;
  children?: ReactNode;
};

export function LaidOutMapContainer({ center, zoom, className, style, scrollWheelZoom, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [context, setContext] = useState<LeafletContextInterface | null>(null);
  // The first view is read once, when the map is created.
  const first = useRef({ center, zoom, scrollWheelZoom });

  useEffect(() => {
    let map: L.Map | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (!box.current) return;
        const { center, zoom, scrollWheelZoom } = first.current;
        map = new L.Map(box.current, { scrollWheelZoom });
        map.setView(center, zoom);
        setContext(createLeafletContext(map));
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      map?.remove();
    };
  }, []);

  return (
    <div ref={box} className={className} style={style}>
      {context && <LeafletContext value={context}>{children}</LeafletContext>}
    </div>
  );
}
