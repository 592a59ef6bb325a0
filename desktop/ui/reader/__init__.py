"""Reading the knowledge base: pages, sections, search results, bookmarks."""
