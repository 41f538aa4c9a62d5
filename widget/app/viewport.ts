/**
 * On phones the panel is full screen; when the on-screen keyboard opens, the
 * visual viewport shrinks. Mirroring its size into CSS variables on the host
 * keeps the question box above the keyboard (custom properties set through
 * CSSOM are allowed under a strict style-src CSP).
 */
export function followVisualViewport(host: HTMLElement): () => void {
  const vv = window.visualViewport;
  if (!vv) return () => {};
  const update = () => {
    host.style.setProperty('--sc-vh', `${vv.height}px`);
    host.style.setProperty('--sc-vtop', `${vv.offsetTop}px`);
  };
  update();
  vv.addEventListener('resize', update);
  vv.addEventListener('scroll', update);
  return () => {
    vv.removeEventListener('resize', update);
    vv.removeEventListener('scroll', update);
    host.style.removeProperty('--sc-vh');
    host.style.removeProperty('--sc-vtop');
  };
}
