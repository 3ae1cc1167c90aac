/** The Inbank payment provider's id in Medusa: `pp_<identifier>_<id>` with identifier "inbank" and id "inbank". */
export const INBANK_PROVIDER_ID = "pp_inbank_inbank"
