import { z } from 'zod';

/**
 * Limits on what one field may hold: a title of a megabyte is a mistake (or an attack), and
 * would not fit on a page, in a PDF outline or in a file name.
 */
export const GRENSER = { linje: 300, sti: 1000, beskrivelse: 2000, nokkel: 100 } as const;

/** A path to a file or folder, relative to the file it is written in. */
export const relativePath = z.string().trim().min(1).max(GRENSER.sti);

/*
 * What load must read of a file before the model validates it: which attachment files to probe,
 * and which logo file to check. Each reader takes one field with the same field schema the
 * model's schema uses (model/schema.ts), and ignores everything else: the file's other mistakes
 * are the model's to report, with positions.
 */
const vedleggList = z.object({ vedlegg: z.array(z.unknown()) });
const withFile = z.object({ fil: relativePath });
const withDeler = z.object({ deler: z.array(z.unknown()) });
const withLogo = z.object({ logo: relativePath });

/** The files a sak's `vedlegg:` names (an attachment's own, then its parts'), each once, in the order written. */
export function readVedleggFiles(frontmatter: unknown): string[] {
  const list = vedleggList.safeParse(frontmatter);
  if (!list.success) return [];
  const filesOf = (item: unknown): string[] => {
    const read = withFile.safeParse(item);
    const parts = withDeler.safeParse(item);
    return [...(read.success ? [read.data.fil] : []), ...(parts.success ? parts.data.deler.flatMap(filesOf) : [])];
  };
  return [...new Set(list.data.vedlegg.flatMap(filesOf))];
}

/** The logo organisasjon.yaml names, when it names one. */
export function readLogo(organisasjon: unknown): string | undefined {
  const read = withLogo.safeParse(organisasjon);
  return read.success ? read.data.logo : undefined;
}
