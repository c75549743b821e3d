# Right: __iter__ is a generator function, so every call makes a new generator with its own position.
class Playlist:
    def __init__(self, songs):
        self.songs = songs

    def __iter__(self):
        for song in self.songs:
            yield song


playlist = Playlist(["intro", "verse", "outro"])
for first in playlist:
    for second in playlist:
        print("pair", first, second)
print("a second pass:", list(playlist))
