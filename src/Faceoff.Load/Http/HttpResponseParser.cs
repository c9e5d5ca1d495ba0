using System.Runtime.CompilerServices;
namespace Faceoff.Load.Http;

/// <summary>What <see cref="HttpResponseParser.Parse"/> concluded after the bytes it was given.</summary>
public enum ParseStatus
{
    /// <summary>All bytes consumed; the response is not complete yet.</summary>
    NeedMore,

    /// <summary>A whole response ended inside the bytes given; see <c>consumed</c>.</summary>
    Complete,

    /// <summary>The bytes are not a valid HTTP/1.x response; see <see cref="HttpResponseParser.ErrorReason"/>.</summary>
    Error,
}

/// <summary>
/// Incremental HTTP/1.x response parser: a byte-level state machine that never needs a byte twice, so it
/// gives the same result wherever the response is split, and drains bodies without buffering them
/// (unless a capture is requested for response sampling). One instance per connection, reused.
/// </summary>
public sealed partial class HttpResponseParser
{
    /// <summary>Default bound of the status line plus header block (and of each chunk line, and of trailers).</summary>
    public const int DefaultMaxHeaderBytes = 64 * 1024;

    private const int ValueCapacity = 256;

    // The longest name the parser interprets is "transfer-encoding"; longer names are only validated.
    private const int NameCapacity = 17;
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    private static ReadOnlySpan<byte> StatusPrefix => "HTTP/1."u8;

    private readonly int _maxHeaderBytes;
    private readonly byte[] _value = new byte[ValueCapacity];
    private readonly byte[] _name = new byte[NameCapacity];
    private readonly bool _noBody;
    private State _state;
    private Header _header;
    private int _pos;
    private int _blockBytes;
    private int _valueLength;
    private int _chunkDigits;
    private long _remaining;
    private long _contentLength;
    private bool _chunked;
    private bool _hasTransferEncoding;
    private bool _connectionClose;
    private ResponseCapture? _capture;

    /// <param name="noBody">The request was HEAD: responses carry headers only.</param>
    /// <param name="maxHeaderBytes">Larger header blocks are parse errors, so a hostile server cannot make us buffer.</param>
    public HttpResponseParser(bool noBody = false, int maxHeaderBytes = DefaultMaxHeaderBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHeaderBytes, 64);
        _noBody = noBody;
        _maxHeaderBytes = maxHeaderBytes;
        Reset();
    }

    private enum State : byte
    {
        StatusLine,
        StatusReason,
        StatusLf,
        LineStart,
        Name,
        ValueStart,
        Value,
        ValueLf,
        HeadEndLf,
        BodyFixed,
        BodyUntilClose,
        ChunkSize,
        ChunkExtension,
        ChunkSizeLf,
        ChunkData,
        ChunkDataCr,
        ChunkDataLf,
        TrailerStart,
        Trailer,
        TrailerLf,
        TrailerEndLf,
        Done,
        Failed,
    }

    private enum Header : byte
    {
        None,
        ContentLength,
        TransferEncoding,
        Connection,
    }

    /// <summary>Status code of the response being parsed (valid once the status line is read).</summary>
    public int StatusCode { get; private set; }

    /// <summary>HTTP minor version of the response (0 or 1).</summary>
    public int MinorVersion { get; private set; }

    /// <summary>True when the connection may carry another request after this response.</summary>
    public bool KeepAlive { get; private set; }

    /// <summary>Decoded body bytes seen so far (chunk framing excluded).</summary>
    public long BodyBytes { get; private set; }

    /// <summary>Why parsing failed; a constant string, so failures do not allocate.</summary>
    public string? ErrorReason { get; private set; }

    /// <summary>True once a byte of the current response has been consumed.</summary>
    public bool Started => _state != State.StatusLine || _pos > 0;

    /// <summary>Prepares for the next response on the same connection.</summary>
    public void Reset()
    {
        ResetHead();
        BodyBytes = 0;
        KeepAlive = false;
        ErrorReason = null;
        _capture?.Clear();
    }

    /// <summary>Captures the head and (up to <paramref name="maxBodyBytes"/>) the body of the next response.</summary>
    public void BeginCapture(int maxBodyBytes)
    {
        _capture ??= new ResponseCapture();
        _capture.Start(maxBodyBytes);
    }

    /// <summary>Stops capturing; the next responses are drained without copying.</summary>
    public void EndCapture() => _capture?.Stop();

    /// <summary>The capture of the last response, if <see cref="BeginCapture"/> was called before it.</summary>
    internal ResponseCapture? Capture => _capture is { Active: true } ? _capture : null;

    /// <summary>
    /// Feeds bytes. Returns <see cref="ParseStatus.Complete"/> with <paramref name="consumed"/> set to the
    /// bytes belonging to the response; call <see cref="Reset"/> before feeding the next one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ParseStatus Parse(ReadOnlySpan<byte> data, out int consumed)
    {
        var i = 0;
        while (i < data.Length)
        {
            switch (_state)
            {
                case State.BodyFixed:
                case State.ChunkData:
                case State.BodyUntilClose:
                    i += TakeBody(data[i..]);
                    break;
                case State.Name:
                case State.StatusReason:
                case State.Value:
                case State.ChunkExtension:
                case State.Trailer:
                    if (!ScanToDelimiter(data, ref i))
                    {
                        return Fail(out consumed, i);
                    }

                    if (i == data.Length)
                    {
                        break;
                    }

                    goto default;
                case State.Done:
                case State.Failed:
                    consumed = i;
                    return _state == State.Done ? ParseStatus.Complete : ParseStatus.Error;
                default:
                    if (++_blockBytes > _maxHeaderBytes)
                    {
                        return Fail(out consumed, i, "header block larger than the limit");
                    }

                    var b = data[i++];
                    if (_capture is not null)
                    {
                        CaptureHead(new ReadOnlySpan<byte>(in b));
                    }

                    if (!Step(b))
                    {
                        return Fail(out consumed, i);
                    }

                    break;
            }

            if (_state == State.Done)
            {
                consumed = i;
                return ParseStatus.Complete;
            }
        }

        consumed = i;
        return _state switch
        {
            State.Done => ParseStatus.Complete,
            State.Failed => ParseStatus.Error,
            _ => ParseStatus.NeedMore,
        };
    }

    /// <summary>The peer closed the connection: completes a read-until-close body, otherwise an error.</summary>
    public ParseStatus OnEof()
    {
        if (_state == State.BodyUntilClose)
        {
            _state = State.Done;
            KeepAlive = false;
            return ParseStatus.Complete;
        }

        if (_state == State.Done)
        {
            return ParseStatus.Complete;
        }

        ErrorReason = "connection closed before the response was complete";
        _state = State.Failed;
        return ParseStatus.Error;
    }

    private ParseStatus Fail(out int consumed, int at, string? reason = null)
    {
        if (reason is not null)
        {
            ErrorReason = reason;
        }

        ErrorReason ??= "malformed response";
        _state = State.Failed;
        consumed = at;
        return ParseStatus.Error;
    }

    private bool Error(string reason)
    {
        ErrorReason = reason;
        _state = State.Failed;
        return false;
    }

    private void ResetHead()
    {
        _state = State.StatusLine;
        _header = Header.None;
        _pos = 0;
        _blockBytes = 0;
        _valueLength = 0;
        _chunkDigits = 0;
        _remaining = 0;
        _contentLength = -1;
        _chunked = false;
        _hasTransferEncoding = false;
        _connectionClose = false;
        StatusCode = 0;
        MinorVersion = 0;
    }

    private void CaptureHead(ReadOnlySpan<byte> bytes)
    {
        // The head states come first in State, so this keeps chunk lines and trailers out of the capture.
        if (_capture!.Active && _state <= State.HeadEndLf)
        {
            _capture.Head(bytes);
        }
    }

    /// <summary>
    /// Consumes the bulk of a name, value, reason phrase, chunk extension or trailer line with one vectorised
    /// search, stopping at the byte that ends it (which the per-byte path then handles).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ScanToDelimiter(ReadOnlySpan<byte> data, ref int i)
    {
        var rest = data[i..];
        var end = _state == State.Name ? rest.IndexOfAny((byte)':', Cr, Lf) : rest.IndexOfAny(Cr, Lf);
        var run = end < 0 ? rest : rest[..end];
        _blockBytes += run.Length;
        if (_blockBytes > _maxHeaderBytes)
        {
            return Error("header block larger than the limit");
        }

        if (_capture is not null)
        {
            CaptureHead(run);
        }

        var ok = _state switch
        {
            State.Name => NameBytes(run),
            State.Value => ValueBytes(run),
            _ => true,
        };
        i += run.Length;
        return ok;
    }
}
