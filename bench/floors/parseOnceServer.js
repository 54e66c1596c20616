// A second floor for the memory figures: the empty server (emptyServer.js) that also parses each
// document once, when it is opened, with the `yaml` package (the parser yaml-language-server uses),
// and does nothing with the result. The difference to the empty server is what one parse of the
// file costs in peak memory; Spectrace does that much work and more (validation, index, checks).
'use strict';
const { parseDocument } = require('yaml');

require('./floorServer').listen({ onOpen: (text) => parseDocument(text) });
