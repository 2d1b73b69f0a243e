"""Portal pages: home, search, profiles, regions and ecosystems."""
