// The floor for the memory and start-up figures: a language server on Spectrace's LSP library that
// does no work (floorServer.js). Its peak memory and its spawn → initialize time are what any Node
// server on this library pays before it parses or checks anything.
'use strict';
require('./floorServer').listen();
