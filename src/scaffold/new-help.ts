// The help text of `motedok new`, on its own: `motedok --help` shows it without loading what `new` needs.
export const NEW_HELP = `motedok new mote <utvalg> <dato> [--sted STED] [--start TT:MM] [--slutt TT:MM]
motedok new sak <møtemappe> "<tittel>" [--type beslutning|tema|referat|eventuelt] [--minutter N]
motedok new referat <møtemappe>
motedok new ci github|gitlab

Lager filene du skriver videre i, slik at «motedok check» godtar dem som de er:
  mote     møtemappen <dato>-<utvalg>/ med mote.yaml; sted og tid hentes fra utvalgets
           «standard» i organisasjon.yaml når du ikke oppgir dem
  sak      neste saksfil, med overskriftene for sakstypen (standard: beslutning, 30 minutter
           for beslutning og tema, 5 for referat og eventuelt); viser saksnummeret den får
  referat  referat.md med alle sakene på sakslisten, forslagene til vedtak som utgangspunkt,
           og utvalgets medlemmer i til_stede
  ci       oppsett for publisering fra CI: .github/workflows/motedok.yml (github) eller
           .gitlab-ci.yml (gitlab) i prosjektmappen; kontroll ved hver push, nettstedet til Pages
Eksisterende filer skrives aldri over.`;
