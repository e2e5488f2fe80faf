import type { Diagnostics } from '../../domain/diagnostics.js';
import type { Bilde } from '../../domain/sources.js';

/** The images of a sak or the referat: each must be a described file in the meeting folder. */
export function checkBilder(file: string, bilder: readonly Bilde[], diags: Diagnostics): void {
  for (const bilde of bilder) {
    if (bilde.html) {
      checkHtmlBilde(file, bilde, diags);
      continue;
    }
    if (!bilde.alt)
      diags.warning(
        file,
        bilde.position,
        `bildet «${bilde.url}» mangler alternativ tekst; skriv en beskrivelse i klammene: ![beskrivelse](${bilde.url}).`,
      );
    if (bilde.status === 'mangler')
      diags.error(file, bilde.position, `bildet «${bilde.url}» finnes ikke; legg bildefilen i møtemappen og skriv stien relativt til den.`);
    if (bilde.status === 'utenfor')
      diags.error(file, bilde.position, `bildet «${bilde.url}» ligger utenfor møtemappen; legg bildefilen i møtemappen.`);
    if (bilde.status === 'ekstern')
      diags.error(
        file,
        bilde.position,
        `bildet «${bilde.url}» er ikke en fil i møtemappen; bilder fra nett eller andre steder tas ikke med. Last ned bildet og legg det i møtemappen.`,
      );
  }
}

/**
 * An image written as HTML (`<img src=…>`, pasted from e-mail or a web page) that cannot be shown
 * is left out with its description; a warning says so, since the secretariat did not choose the tag.
 */
function checkHtmlBilde(file: string, bilde: Bilde, diags: Diagnostics): void {
  const hvorfor = { ok: '', mangler: 'finnes ikke', utenfor: 'ligger utenfor møtemappen', ekstern: 'er ikke en fil i møtemappen' }[
    bilde.status
  ];
  if (hvorfor) {
    diags.warning(
      file,
      bilde.position,
      `bildet «${bilde.url}» i HTML-en ${hvorfor} og tas ikke med${bilde.alt ? `; bare beskrivelsen «${bilde.alt}» vises` : ''}. Legg bildefilen i møtemappen og skriv ![beskrivelse](fil.png), om bildet skal med.`,
    );
  } else if (!bilde.alt) {
    diags.warning(
      file,
      bilde.position,
      `bildet «${bilde.url}» mangler alternativ tekst; skriv en beskrivelse i alt="…", eller skriv bildet som ![beskrivelse](${bilde.url}).`,
    );
  }
}
