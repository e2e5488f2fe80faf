import type { ActiveContent } from '../../util/pdf-active-content.js';
import { visible } from '../../util/visible.js';

/** Where in the attachment: «på side 2», «i skjemafeltet «navn» på side 1», «i dokumentet». */
function sted(item: ActiveContent): string {
  const page = `på side ${item.page}`;
  switch (item.on) {
    case 'document':
      return 'i dokumentet';
    case 'page':
      return page;
    case 'link':
      return `i en lenke ${page}`;
    case 'field':
      return item.field ? `i skjemafeltet «${visible(item.field)}» ${page}` : `i et skjemafelt ${page}`;
    case 'annotation':
      return `i en merknad ${page}`;
  }
}

function handling(item: ActiveContent): string {
  switch (item.action) {
    case 'URI':
      return `en lenke til «${visible(item.uri ?? '')}» ${sted(item)}`;
    case 'JavaScript':
      return `JavaScript (/JS) ${sted(item)}`;
    case 'Launch':
      return `en handling som starter et program eller åpner en fil (/Launch) ${sted(item)}`;
    case 'GoToR':
      return `en lenke til et annet dokument (/GoToR) ${sted(item)}`;
    default:
      return `en handling av typen /${visible(item.action ?? '')} ${sted(item)}`;
  }
}

function hva(item: ActiveContent): string {
  switch (item.kind) {
    case 'javascript-tree':
      return 'JavaScript som kjøres når dokumentet åpnes (/Names /JavaScript)';
    case 'open-action':
      return 'en handling som kjøres når dokumentet åpnes (/OpenAction)';
    case 'additional-actions':
      return `automatiske handlinger (/AA) ${sted(item)}`;
    case 'embedded-files':
      return 'innebygde filer (/EmbeddedFiles)';
    case 'xfa':
      return 'et XFA-skjema (/AcroForm /XFA)';
    case 'file-attachment':
      return `et innebygd filvedlegg (FileAttachment-merknad) på side ${item.page}`;
    case 'action':
      return handling(item);
  }
}

/**
 * The warning for an attachment without tags: its text does not reach a screen reader, and the
 * documents it goes into cannot claim PDF/UA (universell utforming).
 */
export function ikkeTaggetMessage(written: string): string {
  return `vedlegget «${visible(written)}» er ikke tagget for skjermlesere (ikke tilgjengelighetsmerket): en skjermleser finner ikke teksten, og dokumentene det settes inn i, oppfyller ikke PDF/UA. Lagre det på nytt som tagget PDF (i Word: Lagre som → PDF → Alternativer → «Dokumentstrukturkoder for tilgjengelighet»).`;
}

/** The warning for active content that build removes from an attachment. */
export function aktivtContentMessage(written: string, item: ActiveContent): string {
  return `vedlegget «${visible(written)}» har ${hva(item)}, som fjernes når vedlegget settes inn; bare sidene og lenker til http, https og mailto tas med.`;
}
