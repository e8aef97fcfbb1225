// A full disk on demand, for tests (LD_PRELOAD): while NINES_FULL_DISK names a path fragment,
// every write to a file whose path contains it fails with ENOSPC, as on a disk with no space
// left; everything else writes as usual. It needs no privileges and no real full disk, so the
// full-disk tests run on any machine. The variable is read at each write: a test fills the disk
// and frees it while it runs.
#include <dlfcn.h>
#include <errno.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

namespace {

bool full(int fd)
{
    const char* marker = std::getenv("NINES_FULL_DISK");
    if (!marker || !*marker)
        return false;
    char link[64], path[4096];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0)
        return false;
    path[n] = '\0';
    return std::strstr(path, marker) != nullptr;
}

template <typename F>
F next(const char* name)
{
    return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

}  // namespace

extern "C" {

ssize_t write(int fd, const void* buf, size_t count)
{
    static ssize_t (*real)(int, const void*, size_t);
    if (!real)
        real = next<ssize_t (*)(int, const void*, size_t)>("write");
    if (count > 0 && full(fd)) {
        errno = ENOSPC;
        return -1;
    }
    return real(fd, buf, count);
}

ssize_t writev(int fd, const struct iovec* iov, int n)
{
    static ssize_t (*real)(int, const struct iovec*, int);
    if (!real)
        real = next<ssize_t (*)(int, const struct iovec*, int)>("writev");
    if (n > 0 && full(fd)) {
        errno = ENOSPC;
        return -1;
    }
    return real(fd, iov, n);
}

ssize_t pwrite64(int fd, const void* buf, size_t count, off_t offset)
{
    static ssize_t (*real)(int, const void*, size_t, off_t);
    if (!real)
        real = next<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite64");
    if (count > 0 && full(fd)) {
        errno = ENOSPC;
        return -1;
    }
    return real(fd, buf, count, offset);
}

}  // extern "C"
