/** The folder the commands look in when they are given none: the project folder with organisasjon.yaml, as the README lays it out. */
export const PROSJEKTMAPPE = 'cases';
