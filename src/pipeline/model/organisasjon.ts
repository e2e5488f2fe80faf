import type { Diagnostics } from '../../domain/diagnostics.js';
import type { LogoStatus, ProjectSource } from '../../domain/sources.js';
import type { Medlem, Organisasjon, Utvalg } from '../../domain/types.js';
import { organisasjonSchema } from './schema.js';
import { validate } from './validate.js';

/** Why a logo is not shown, after its name in the message. */
const LOGO_ERROR: Record<Exclude<LogoStatus, 'ok'>, string> = {
  mangler: 'finnes ikke ved siden av organisasjon.yaml; skriv stien relativt til organisasjon.yaml, eller fjern feltet.',
  utenfor: 'ligger utenfor prosjektmappen (mappen med organisasjon.yaml), eller er en snarvei dit; kopier bildet inn i prosjektmappen.',
  'ikke-fil': 'er ingen vanlig fil; logoen må være en bildefil (SVG, PNG eller JPEG).',
  'ikke-bilde': 'er ikke et bilde motedok viser; logoen må være en SVG-, PNG- eller JPEG-fil (.svg, .png, .jpg).',
  'for-stor': 'er større enn 5 MB; lagre logoen i mindre størrelse (en logo er vanligvis under 100 kB).',
};

/** organisasjon.yaml as an Organisasjon, its committees by key; undefined when it is missing or invalid. */
export function buildOrganisasjon(project: ProjectSource, diags: Diagnostics): Organisasjon | undefined {
  if (!project.organisasjon) return undefined;
  const data = validate(organisasjonSchema, project.organisasjon, diags);
  if (!data) return undefined;
  const utvalg = new Map<string, Utvalg>();
  for (const [key, u] of Object.entries(data.utvalg)) {
    checkMedlemIds(project, key, u.medlemmer, diags);
    utvalg.set(key, { key, navn: u.navn, kortnavn: u.kortnavn, medlemmer: u.medlemmer, standard: u.standard as Utvalg['standard'] });
  }
  const logoError = data.logo && project.logo && project.logo !== 'ok' ? LOGO_ERROR[project.logo] : undefined;
  if (logoError) diags.error(project.organisasjonFile, project.organisasjon.locate(['logo']), `logoen «${data.logo}» ${logoError}`);
  return {
    file: project.organisasjonFile,
    navn: data.navn,
    logo: project.logo === 'ok' ? data.logo : undefined,
    farge: data.farge,
    maler: data.maler,
    sprak: data.sprak,
    skjulAndreOffentlig: data.offentlig?.skjul_andre ?? false,
    sekretariat: data.sekretariat,
    utvalg,
  };
}

function checkMedlemIds(project: ProjectSource, key: string, medlemmer: readonly Medlem[], diags: Diagnostics): void {
  const seen = new Map<string, number>();
  medlemmer.forEach((m, index) => {
    if (seen.has(m.id)) {
      diags.error(
        project.organisasjonFile,
        project.organisasjon!.locate(['utvalg', key, 'medlemmer', index, 'id']),
        `medlems-id «${m.id}» brukes to ganger i utvalg «${key}» (også medlem nr. ${seen.get(m.id)! + 1}); hver id må være unik.`,
      );
    }
    seen.set(m.id, index);
  });
}
