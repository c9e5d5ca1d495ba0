using System.Runtime.CompilerServices;
using System.Text;

namespace Faceoff.Load.Http;

/// <summary>The per-byte transitions of the head, chunk framing and trailers, and bulk body draining.</summary>
public sealed partial class HttpResponseParser
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Step(byte b)
    {
        switch (_state)
        {
            case State.StatusLine:
                return StatusByte(b);
            case State.StatusReason:
                return LineEnd(b, State.StatusLf, State.LineStart);
            case State.StatusLf:
                return ExpectLf(b, State.LineStart);
            case State.LineStart:
                return LineStart(b);
            case State.Name:
                return NameByte(b);
            case State.ValueStart:
                if (b is (byte)' ' or (byte)'\t')
                {
                    return true;
                }

                _state = State.Value;
                return ValueByte(b);
            case State.Value:
                return ValueByte(b);
            case State.ValueLf:
                return b == Lf ? EndHeaderLine() : Error("bare CR in header");
            case State.HeadEndLf:
                return b == Lf ? EndOfHead() : Error("bare CR after headers");
            case State.ChunkSize:
                return ChunkSizeByte(b);
            case State.ChunkExtension:
                return b == Lf ? EndChunkSize() : LineEnd(b, State.ChunkSizeLf, State.ChunkExtension);
            case State.ChunkSizeLf:
                return b == Lf ? EndChunkSize() : Error("bare CR in chunk size line");
            case State.ChunkDataCr:
                return b == Cr ? Go(State.ChunkDataLf) : b == Lf ? StartChunkSize() : Error("chunk data longer than its size");
            case State.ChunkDataLf:
                return b == Lf ? StartChunkSize() : Error("bare CR after chunk data");
            case State.TrailerStart:
                return b == Cr ? Go(State.TrailerEndLf) : b == Lf ? Go(State.Done) : Go(State.Trailer);
            case State.Trailer:
                return LineEnd(b, State.TrailerLf, State.TrailerStart);
            case State.TrailerLf:
                return ExpectLf(b, State.TrailerStart);
            case State.TrailerEndLf:
                return ExpectLf(b, State.Done);
            default:
                return Error("unexpected parser state");
        }
    }

    private bool Go(State next)
    {
        _state = next;
        return true;
    }

    private bool ExpectLf(byte b, State next) => b == Lf ? Go(next) : Error("CR not followed by LF");

    /// <summary>Inside a skipped line: CR waits for LF, a bare LF ends the line (tolerated, as RFC 9112 allows).</summary>
    private bool LineEnd(byte b, State afterCr, State afterLf) =>
        b == Cr ? Go(afterCr) : b == Lf ? Go(afterLf) : Go(_state);

    private bool StatusByte(byte b)
    {
        var pos = _pos++;
        if (pos < StatusPrefix.Length)
        {
            return b == StatusPrefix[pos] || Error("response does not start with HTTP/1.");
        }

        switch (pos)
        {
            case 7:
                MinorVersion = b - '0';
                return b is (byte)'0' or (byte)'1' || Error("unsupported HTTP version");
            case 8:
                return b == ' ' || Error("malformed status line");
            case 9 or 10 or 11:
                if (b is < (byte)'0' or > (byte)'9')
                {
                    return Error("status code is not three digits");
                }

                StatusCode = (StatusCode * 10) + (b - '0');
                return true;
            default:
                return b == ' ' ? Go(State.StatusReason)
                    : b == Cr ? Go(State.StatusLf)
                    : b == Lf ? Go(State.LineStart)
                    : Error("malformed status line");
        }
    }

    private bool LineStart(byte b)
    {
        switch (b)
        {
            case Cr:
                return Go(State.HeadEndLf);
            case Lf:
                return EndOfHead();
            case (byte)' ' or (byte)'\t':
                return Error("obsolete header line folding");
            case (byte)':':
                return Error("empty header name");
            default:
                _state = State.Name;
                _pos = 0;
                return NameByte(b);
        }
    }

    private bool NameByte(byte b)
    {
        if (b == ':')
        {
            _header = ClassifyName();
            _valueLength = 0;
            _state = State.ValueStart;
            return true;
        }

        return NameBytes(new ReadOnlySpan<byte>(in b));
    }

    /// <summary>Validates and keeps name bytes; only names short enough to be a framing header are kept.</summary>
    private bool NameBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOfAnyInRange((byte)0, (byte)' ') >= 0 || bytes.Contains((byte)127))
        {
            return Error("invalid character in header name");
        }

        if (_pos + bytes.Length <= _name.Length)
        {
            bytes.CopyTo(_name.AsSpan(_pos));
        }

        _pos += bytes.Length;
        return true;
    }

    private Header ClassifyName()
    {
        if (_pos > _name.Length)
        {
            return Header.None;
        }

        var name = _name.AsSpan(0, _pos);
        return name.Length switch
        {
            14 when Ascii.EqualsIgnoreCase(name, "content-length"u8) => Header.ContentLength,
            17 when Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8) => Header.TransferEncoding,
            10 when Ascii.EqualsIgnoreCase(name, "connection"u8) => Header.Connection,
            _ => Header.None,
        };
    }

    private bool ValueByte(byte b)
    {
        if (b == Cr)
        {
            return Go(State.ValueLf);
        }

        if (b == Lf)
        {
            return EndHeaderLine();
        }

        if (_header == Header.None)
        {
            return true;
        }

        return ValueBytes(new ReadOnlySpan<byte>(in b));
    }

    /// <summary>Keeps the value of a framing header (Content-Length, Transfer-Encoding, Connection).</summary>
    private bool ValueBytes(ReadOnlySpan<byte> bytes)
    {
        if (_header == Header.None)
        {
            return true;
        }

        if (_valueLength + bytes.Length > _value.Length)
        {
            return Error("framing header value too long");
        }

        bytes.CopyTo(_value.AsSpan(_valueLength));
        _valueLength += bytes.Length;
        return true;
    }

    private bool ChunkSizeByte(byte b)
    {
        var digit = HexValue(b);
        if (digit >= 0)
        {
            if (++_chunkDigits > 15)
            {
                return Error("chunk size too large");
            }

            _remaining = (_remaining << 4) | (uint)digit;
            return true;
        }

        if (_chunkDigits == 0)
        {
            return Error("missing chunk size");
        }

        return b switch
        {
            (byte)';' or (byte)' ' or (byte)'\t' => Go(State.ChunkExtension),
            Cr => Go(State.ChunkSizeLf),
            Lf => EndChunkSize(),
            _ => Error("invalid chunk size"),
        };
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private bool EndChunkSize()
    {
        _blockBytes = 0;
        _state = _remaining == 0 ? State.TrailerStart : State.ChunkData;
        return true;
    }

    private bool StartChunkSize()
    {
        _blockBytes = 0;
        _chunkDigits = 0;
        _remaining = 0;
        _state = State.ChunkSize;
        return true;
    }

    /// <summary>Drains body bytes in bulk; returns how many were taken.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int TakeBody(ReadOnlySpan<byte> data)
    {
        var take = _state == State.BodyUntilClose ? data.Length : (int)Math.Min(_remaining, data.Length);
        if (_capture is { Active: true })
        {
            _capture.Body(data[..take]);
        }

        BodyBytes += take;
        if (_state == State.BodyUntilClose)
        {
            return take;
        }

        _remaining -= take;
        if (_remaining == 0)
        {
            _state = _state == State.BodyFixed ? State.Done : State.ChunkDataCr;
        }

        return take;
    }
}
