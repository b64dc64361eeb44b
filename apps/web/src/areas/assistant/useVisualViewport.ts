/**
 * Where the visible part of the page is, in the coordinates of fixed elements. On a phone, content
 * wider than the screen widens the layout viewport, and a plain `right/bottom: 0` lands off screen.
 */
import { useEffect, useState } from 'react';

export interface ViewportBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

function measure(): ViewportBox {
  const vv = window.visualViewport;
  return vv
    ? { left: vv.offsetLeft, top: vv.offsetTop, width: vv.width, height: vv.height }
    : { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight };
}

/** The visual viewport, kept current on resize, zoom and scroll. */
export function useVisualViewport(): ViewportBox {
  const [box, setBox] = useState(measure);
  useEffect(() => {
    const update = () => setBox(measure());
    const vv = window.visualViewport;
    vv?.addEventListener('resize', update);
    vv?.addEventListener('scroll', update);
    window.addEventListener('resize', update);
    return () => {
      vv?.removeEventListener('resize', update);
      vv?.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, []);
  return box;
}

const FAB = 58;
const PHONE = 600;

/** Fixed position of the round button: the bottom right corner of what the customer sees. */
export function fabStyle(box: ViewportBox) {
  const margin = box.width <= PHONE ? 14 : 20;
  return { left: box.left + box.width - FAB - margin, top: box.top + box.height - FAB - margin };
}

/** Fixed position of the panel: the whole visible area on a phone, a corner card on wider screens. */
export function panelStyle(box: ViewportBox) {
  if (box.width <= PHONE) return { left: box.left, top: box.top, width: box.width, height: box.height };
  const width = Math.min(420, box.width - 40);
  const height = Math.min(640, box.height - 40);
  return { left: box.left + box.width - width - 20, top: box.top + box.height - height - 20, width, height };
}
