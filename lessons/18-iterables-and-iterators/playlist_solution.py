# Reference solution: Playlist is an iterable; each loop gets its own PlaylistIterator.
class PlaylistIterator:
    def __init__(self, songs):
        self.songs = songs
        self.index = 0

    def __iter__(self):
        return self  # an iterator is iterable too: it hands out itself

    def __next__(self):
        if self.index == len(self.songs):
            raise StopIteration
        self.index += 1
        return self.songs[self.index - 1]


class Playlist:
    def __init__(self, songs):
        self.songs = songs

    def __iter__(self):
        return PlaylistIterator(self.songs)  # a fresh position for every loop


playlist = Playlist(["intro", "verse", "outro"])
for first in playlist:
    for second in playlist:
        print("pair", first, second)
print("a second pass:", list(playlist))
