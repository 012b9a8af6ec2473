/**
 * The points as the socket sends them (docs/SOCKET.md): `{x:[…], y:[…]}`, every double exact, or for a big set
 * `{n, encoding: "grid16", x: {min, max, codes}, y: {…}}`, each coordinate one of 65,536 evenly spaced values
 * across its axis, `min + (max − min)·q/65535`, the codes little-endian uint16 in base64. A grid's points are good
 * for drawing and picking by index; `exact: false` tells the editor to ask for the exact ones first.
 */

const GRID_STEPS = 65535;

/** `{x: number[], y: number[], exact: boolean}` from a message's `points`. */
export function decodePoints(wire) {
  if (wire.encoding === undefined) return { x: wire.x, y: wire.y, exact: true };
  if (wire.encoding !== 'grid16') throw new Error(`points in an unknown encoding: ${wire.encoding}`);
  return { x: gridAxis(wire.x, wire.n), y: gridAxis(wire.y, wire.n), exact: false };
}

function gridAxis({ min, max, codes }, n) {
  const bytes = Uint8Array.from(atob(codes), c => c.charCodeAt(0));
  const view = new DataView(bytes.buffer);
  const span = max - min, out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = min + span * view.getUint16(2 * i, true) / GRID_STEPS;
  return out;
}
