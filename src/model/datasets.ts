// Dataset names follow OpenSanctions so that yente clients feel at home.
export interface DatasetInfo {
  name: string;
  title: string;
  publisher: string;
  /** The publisher's country (ISO alpha-2; `eu` for the European Union), null for an international body. */
  publisherCountry: string | null;
  /** Prefix of every entity id from this dataset (un-KPi.033, ofac-12345 ...). */
  idPrefix: string;
  /** Official download URLs, in the order `interdict update` fetches them (several files = one list). */
  urls: string[];
}

export const DATASETS: Record<string, DatasetInfo> = {
  un_sc_sanctions: {
    name: 'un_sc_sanctions',
    title: 'UN Security Council Consolidated Sanctions List',
    publisher: 'United Nations Security Council',
    publisherCountry: null,
    idPrefix: 'un',
    urls: ['https://scsanctions.un.org/resources/xml/en/consolidated.xml'],
  },
  us_ofac_sdn: {
    name: 'us_ofac_sdn',
    title: 'US OFAC Specially Designated Nationals (SDN) List',
    publisher: 'US Treasury, Office of Foreign Assets Control',
    publisherCountry: 'us',
    idPrefix: 'ofac',
    urls: [
      'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV',
      'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADD.CSV',
      'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ALT.CSV',
      'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_COMMENTS.CSV',
    ],
  },
  us_ofac_cons: {
    name: 'us_ofac_cons',
    title: 'US OFAC Consolidated (non-SDN) Sanctions List',
    publisher: 'US Treasury, Office of Foreign Assets Control',
    publisherCountry: 'us',
    idPrefix: 'ofac',
    urls: ['https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONSOLIDATED.XML'],
  },
  gb_hmt_sanctions: {
    name: 'gb_hmt_sanctions',
    title: 'UK HM Treasury / OFSI Consolidated List of Asset Freeze Targets',
    publisher: 'HM Treasury, Office of Financial Sanctions Implementation',
    publisherCountry: 'gb',
    idPrefix: 'gb-hmt',
    urls: ['https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.xlsx'],
  },
  gb_fcdo_sanctions: {
    name: 'gb_fcdo_sanctions',
    title: 'UK Sanctions List (FCDO)',
    publisher: 'Foreign, Commonwealth & Development Office',
    publisherCountry: 'gb',
    idPrefix: 'gb-fcdo',
    urls: ['https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml'],
  },
  eu_fsf: {
    name: 'eu_fsf',
    title: 'EU Financial Sanctions Files (FSF)',
    publisher: 'European Commission, DG FISMA',
    publisherCountry: 'eu',
    idPrefix: 'eu-fsf',
    urls: ['https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw'],
  },
  us_trade_csl: {
    name: 'us_trade_csl',
    title: 'US Trade Consolidated Screening List (CSL)',
    publisher: 'US Department of Commerce, International Trade Administration',
    publisherCountry: 'us',
    idPrefix: 'us-csl',
    urls: ['https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv'],
  },
  au_dfat_sanctions: {
    name: 'au_dfat_sanctions',
    title: 'Australia DFAT Consolidated Sanctions List',
    publisher: 'Australian Department of Foreign Affairs and Trade',
    publisherCountry: 'au',
    idPrefix: 'au-dfat',
    urls: ['https://www.dfat.gov.au/sites/default/files/Australian_Sanctions_Consolidated_List.xlsx'],
  },
  ca_dfatd_sema_sanctions: {
    name: 'ca_dfatd_sema_sanctions',
    title: 'Canada Special Economic Measures Act (SEMA) Sanctions',
    publisher: 'Global Affairs Canada',
    publisherCountry: 'ca',
    idPrefix: 'ca-sema',
    urls: [
      'https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-relations_internationales/sanctions/sema-lmes.xml',
    ],
  },
};

/** Collections: names that stand for several datasets. */
export const COLLECTIONS: Record<string, string[]> = {
  sanctions: Object.keys(DATASETS),
  default: Object.keys(DATASETS),
};

/** The datasets a dataset or collection name stands for; undefined when the name is unknown. */
export function resolveDatasetScope(name: string): string[] | undefined {
  if (COLLECTIONS[name]) return COLLECTIONS[name];
  if (DATASETS[name]) return [name];
  return undefined;
}
