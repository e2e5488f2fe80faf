import { type PDFDocument, PDFName } from 'pdf-lib';

/**
 * The document's XMP metadata (ISO 16684-1), which PDF/UA-1 requires beside the Info
 * dictionary: the title (dc:title), language, author, dates, and the PDF/UA identifier
 * (pdfuaid:part=1). Every value is the same one the Info dictionary gets, and the dates are the
 * meeting's, so the packet, like the rest of the file, is the same from run to run.
 */
export interface XmpFields {
  tittel: string;
  forfatter: string;
  emne?: string;
  dato: Date;
  sprak: string;
  /** Info /Creator and /Producer: xmp:CreatorTool and pdf:Producer. */
  creator: string;
  producer: string;
  /** Whether the document claims PDF/UA-1. Not when it holds pages that are not tagged. */
  pdfua: boolean;
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** ISO 8601 as XMP writes it, to the second and in UTC, the same instant as the Info dictionary's D:…Z. */
const xmpDate = (dato: Date) => dato.toISOString().replace(/\.\d{3}Z$/, 'Z');

const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;

/** The serialized packet: one rdf:Description, elements only, in a fixed order. */
export function xmpPacket(felt: XmpFields): string {
  const dato = xmpDate(felt.dato);
  const linjer = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(felt.tittel)}</dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${escapeXml(felt.forfatter)}</rdf:li></rdf:Seq></dc:creator>`,
    ...(felt.emne ? [`<dc:description>${alt(felt.emne)}</dc:description>`] : []),
    `<dc:language><rdf:Bag><rdf:li>${escapeXml(felt.sprak)}</rdf:li></rdf:Bag></dc:language>`,
    `<xmp:CreateDate>${dato}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${dato}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${dato}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${escapeXml(felt.creator)}</xmp:CreatorTool>`,
    `<pdf:Producer>${escapeXml(felt.producer)}</pdf:Producer>`,
    ...(felt.pdfua ? ['<pdfuaid:part>1</pdfuaid:part>'] : []),
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ];
  return linjer.join('\n');
}

/** Sets the catalog's /Metadata to the packet, uncompressed (as PDF/A wants it, and readable with `strings`). */
export function setXmp(doc: PDFDocument, felt: XmpFields): void {
  const stream = doc.context.stream(new TextEncoder().encode(xmpPacket(felt)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}
