import { join } from 'node:path';
import { tilleggsinnkallingFile } from '../domain/journal.js';
import { frase } from '../domain/sprak.js';
import { type Mote, type Sak, withDeler } from '../domain/types.js';
import { langDato, saksnummer } from '../pipeline/model/tid.js';
import { innkallingsversjon } from '../pipeline/model/utsendelse.js';
import type { DocumentTemplate, MalData } from '../pipeline/render/templates.js';
import { innkallingView, referatView, sakslisteView, tilleggsinnkallingView, vedleggView } from '../pipeline/render/views.js';

/** One document to print: its file, template and data, and what is appended to it. */
export interface Plan {
  file: string;
  mal: DocumentTemplate;
  /** The template's data; which type goes with which template is checked where each is made, below. */
  data: MalData[DocumentTemplate] & { tittel: string };
  emne: string;
  /** External PDFs appended, with what a screen reader is told if one is not tagged. */
  vedlegg: { tittel: string; nr?: string; fil: string; ikkeTagget: string }[];
  /** Its entry in saksdokumenter.pdf; undefined for documents that are not part of it. */
  innhold?: string;
  /** The same document in both versions: a case paper of a sak that is not exempt. */
  likeOffentlig: boolean;
}

/** The sak's attachments that are PDF files, appended to the document the sak is in. */
function eksterneVedlegg(sak: Sak, mote: Mote): Plan['vedlegg'] {
  return withDeler(sak.vedlegg)
    .filter((v) => v.file)
    .map((v) => ({
      tittel: v.tittel,
      ...(v.nr !== undefined ? { nr: v.nr } : {}),
      fil: v.file!,
      ikkeTagget: frase(mote.fraser, 'vedlegg.ikke_tagget', { tittel: v.tittel }),
    }));
}

/**
 * The documents of one meeting, into `mappe`: innkalling, saksliste, a case paper per sak that
 * has one (or, with `saksfremlegg`, per sak named there: the public version keeps every file
 * name, and an exempt sak's case paper says only that it is exempt), and the referat.
 */
export function planDocuments(mote: Mote, folder: string, saksfremlegg?: ReadonlySet<string>): Plan[] {
  const emne = `${mote.utvalg.navn}, møte ${mote.dato}`;
  const innkalling = innkallingsversjon(mote);
  // Eventuelt items have no case paper of their own: their text is in the (tilleggs)innkalling that sent them, and their PDFs follow it.
  const eventueltVedlegg = (m: Mote, nr?: number) =>
    m.saksliste.eventuelt.saker
      .filter(({ sak }) => nr === undefined || sak.utsendelse === nr)
      .flatMap(({ sak }) => eksterneVedlegg(sak, m));
  const planer: Plan[] = [
    {
      file: join(folder, 'innkalling.pdf'),
      mal: 'innkalling',
      data: innkallingView(innkalling),
      emne,
      vedlegg: eventueltVedlegg(innkalling),
      innhold: frase(mote.fraser, 'saksdokumenter.innkalling'),
      likeOffentlig: false,
    },
    ...mote.utsendelser.slice(1).map(
      (u): Plan => ({
        file: join(folder, tilleggsinnkallingFile(u.nr)),
        mal: 'tilleggsinnkalling',
        data: tilleggsinnkallingView(mote, u.nr),
        emne,
        vedlegg: eventueltVedlegg(mote, u.nr),
        innhold: `${frase(mote.fraser, 'tilleggsinnkalling.dokumenttype')} ${langDato(u.dato)}`,
        likeOffentlig: false,
      }),
    ),
    { file: join(folder, 'saksliste.pdf'), mal: 'saksliste', data: sakslisteView(mote), emne, vedlegg: [], likeOffentlig: false },
  ];
  for (const sak of mote.saker) {
    const eksterne = eksterneVedlegg(sak, mote);
    if (!sak.nummer) continue;
    const name = `sak-${saksnummer(sak.nummer).replace('.', '-')}.pdf`;
    if (saksfremlegg ? !saksfremlegg.has(name) : !sak.harSaksfremlegg && eksterne.length === 0) continue;
    planer.push({
      file: join(folder, 'vedlegg', name),
      mal: 'vedlegg',
      data: vedleggView(mote, sak),
      emne,
      vedlegg: eksterne,
      innhold: `${frase(mote.fraser, 'felles.sak')} ${saksnummer(sak.nummer)} ${sak.tittel}`,
      likeOffentlig: !sak.unntattOffentlighet,
    });
  }
  if (mote.referat)
    planer.push({
      file: join(folder, 'referat.pdf'),
      mal: 'referat',
      data: referatView(mote, mote.referat),
      emne,
      vedlegg: [],
      likeOffentlig: false,
    });
  return planer;
}
