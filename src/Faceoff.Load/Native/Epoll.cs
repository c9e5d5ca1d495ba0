using System.Runtime.InteropServices;

namespace Faceoff.Load.Native;

/// <summary>An epoll instance plus its event buffer, owned by one worker thread.</summary>
internal sealed unsafe class Epoll : IDisposable
{
    public const uint In = 0x001;
    public const uint Out = 0x004;
    public const uint Err = 0x008;
    public const uint Hup = 0x010;
    public const uint RdHup = 0x2000;
    public const uint EdgeTriggered = 1u << 31;

    private const int CtlAdd = 1;
    private const int CloExec = 0x80000;

    // struct epoll_event is packed on x86-64 (12 bytes) and naturally aligned elsewhere (16 bytes).
    private static readonly int Stride = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;
    private static readonly int DataOffset = Stride == 12 ? 4 : 8;

    private readonly int _fd;
    private readonly byte* _events;
    private readonly int _capacity;
    private bool _disposed;

    public Epoll(int capacity)
    {
        _fd = Libc.EpollCreate1(CloExec);
        if (_fd < 0)
        {
            throw new InvalidOperationException($"epoll_create1 failed (errno {Marshal.GetLastPInvokeError()}).");
        }

        _capacity = capacity;
        _events = (byte*)NativeMemory.AllocZeroed((nuint)(capacity * Stride));
    }

    /// <summary>Registers <paramref name="fd"/> once for its whole life; closing the fd unregisters it.</summary>
    public bool Add(int fd, uint events, ulong data)
    {
        byte* evt = stackalloc byte[16];
        *(uint*)evt = events;
        *(ulong*)(evt + DataOffset) = data;
        return Libc.EpollCtl(_fd, CtlAdd, fd, evt) == 0;
    }

    /// <summary>Waits for events; returns how many are ready (0 on timeout or signal interruption).</summary>
    public int Wait(int timeoutMs)
    {
        var n = Libc.EpollWait(_fd, _events, _capacity, timeoutMs);
        if (n >= 0)
        {
            return n;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == Libc.EIntr ? 0 : ThrowWaitFailed(errno);
    }

    public uint EventsAt(int index) => *(uint*)(_events + (index * Stride));

    public ulong DataAt(int index) => *(ulong*)(_events + (index * Stride) + DataOffset);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Libc.Close(_fd);
        NativeMemory.Free(_events);
    }

    private static int ThrowWaitFailed(int errno) =>
        throw new InvalidOperationException($"epoll_wait failed (errno {errno}).");
}
