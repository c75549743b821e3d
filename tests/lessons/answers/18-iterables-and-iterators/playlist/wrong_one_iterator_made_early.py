# Wrong: the list iterator is made once in __init__, so every loop still shares it.
class Playlist:
    def __init__(self, songs):
        self.songs = songs
        self.walker = iter(songs)

    def __iter__(self):
        return self.walker


playlist = Playlist(["intro", "verse", "outro"])
for first in playlist:
    for second in playlist:
        print("pair", first, second)
print("a second pass:", list(playlist))
