// The ReqIF Implementation Guide's standard attribute names and the Spectrace fields they carry.
// Everything else is exported as `Spectrace.<field>` and read back by that name.

export const REQIF_NAMES: Readonly<Record<string, string>> = {
  id: 'ReqIF.ForeignID',
  title: 'ReqIF.Name',
  description: 'ReqIF.Text',
};

/** Attribute names (lower case) the importer maps without a mapping file. */
export const KNOWN_ATTRIBUTES: Readonly<Record<string, string>> = {
  'reqif.foreignid': 'id',
  'reqif.name': 'title',
  'reqif.chaptername': 'title',
  'reqif.text': 'description',
  'reqif.description': 'description',
  'reqif.foreigncreatedby': 'owner',
};
