/** The clinic phone as a tel: link, or the words "the clinic" when it is unknown. */
import { telHref } from '../common/tel.ts';

export function Phone({ number }: { number: string }) {
  return <a href={telHref(number)} class="tel">{number}</a>;
}
