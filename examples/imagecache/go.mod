module example.com/imagecache

go 1.19
