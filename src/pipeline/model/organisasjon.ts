import type { Diagnostics } from '../../domain/diagnostics.js';
import type { ProjectSource } from '../../domain/sources.js';
import type { Medlem, Organisasjon, Utvalg } from '../../domain/types.js';
import { organisasjonSchema } from './schema.js';
import { validate } from './validate.js';

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
  if (data.logo && project.logoFinnes === false) {
    diags.error(
      project.organisasjonFile,
      project.organisasjon.locate(['logo']),
      `logoen «${data.logo}» finnes ikke ved siden av organisasjon.yaml; skriv stien relativt til organisasjon.yaml, eller fjern feltet.`,
    );
  }
  return {
    file: project.organisasjonFile,
    navn: data.navn,
    logo: project.logoFinnes === false ? undefined : data.logo,
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
