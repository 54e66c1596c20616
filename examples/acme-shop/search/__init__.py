"""Product search for the Acme Shop."""
