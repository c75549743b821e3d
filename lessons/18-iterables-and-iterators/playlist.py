# Exercise: the nested loops should print all 9 pairs. Make Playlist iterable more than once.
class Playlist:
    def __init__(self, songs):
        self.songs = songs
        self.index = 0

    def __iter__(self):
        return self  # every loop gets the same iterator, and its position

    def __next__(self):
        if self.index == len(self.songs):
            raise StopIteration
        self.index += 1
        return self.songs[self.index - 1]


playlist = Playlist(["intro", "verse", "outro"])
for first in playlist:
    for second in playlist:
        print("pair", first, second)
print("a second pass:", list(playlist))
