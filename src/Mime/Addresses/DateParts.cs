namespace MailTicketing.Mime;

/// <summary>The pieces of a date as <see cref="DateParser"/> finds them, and their validation.</summary>
internal struct DateParts
{
    private const int MaxOffsetMinutes = 14 * 60;

    private int _day;
    private int _month;
    private int _year;
    private int _yearDigits;
    private int _hour;
    private int _minute;
    private int _second;
    private int _meridiem;
    private int _offset;
    private bool _hasTime;
    private bool _hasZone;
    private bool _zoneIsUniversal;

    private readonly bool DateComplete => _day > 0 && _month > 0 && _yearDigits > 0;

    private readonly bool Complete => DateComplete && _hasTime;

    /// <summary>Places the tokens; false when they contradict themselves (such as "01-02-03").</summary>
    public bool Read(ReadOnlySpan<char> s, ReadOnlySpan<DateToken> t)
    {
        for (var i = 0; i < t.Length; i++)
        {
            var tok = t[i];
            switch (tok.Kind)
            {
                case DateTokenKind.Number:
                    if (!_hasTime && tok.Length <= 2 && At(t, i + 1).IsPunct(':') && At(t, i + 2).Kind == DateTokenKind.Number)
                    {
                        i = ReadTime(t, i);
                    }
                    else if (_month == 0 && _day == 0 && _yearDigits == 0 && IsNumericDate(t, i))
                    {
                        if (!ReadNumericDate(t, i))
                        {
                            return false;
                        }

                        i += 4;
                    }
                    else if (_hasTime && !_hasZone && _yearDigits > 0 && tok.Length == 4)
                    {
                        // "01:14:08 0800": a zone that lost its sign.
                        SetOffset(1, tok.Value / 100, tok.Value % 100);
                    }
                    else if (!PlaceNumber(tok) && Complete)
                    {
                        return true;
                    }

                    break;

                case DateTokenKind.Word:
                    if (!ReadWord(s.Slice(tok.Start, tok.Length)) && Complete)
                    {
                        return true;
                    }

                    break;

                case DateTokenKind.Punct:
                    // Before the time, "-10:00" is a time range or a dash, not a zone.
                    if (tok.IsSign && (_hasTime || DateComplete) && (!_hasZone || _zoneIsUniversal)
                        && (_hasTime || !At(t, i + 2).IsPunct(':')))
                    {
                        i = ReadOffset(t, i);
                    }

                    break;
            }
        }

        return true;
    }

    public readonly bool TryBuild(out DateTimeOffset date)
    {
        date = default;
        if (!DateComplete)
        {
            return false;
        }

        var year = _yearDigits switch
        {
            // RFC 5322 §4.3: 00-49 are 2000-2049, 50-99 are 1950-1999, three digits add 1900.
            <= 2 => _year < 50 ? 2000 + _year : 1900 + _year,
            3 => 1900 + _year,
            _ => _year,
        };

        var hour = _hour;
        if (_meridiem > 0 && hour < 12)
        {
            hour += 12;
        }
        else if (_meridiem < 0 && hour == 12)
        {
            hour = 0;
        }

        if (year is < 1 or > 9999 || _month > 12 || _day > DateTime.DaysInMonth(year, _month)
            || hour > 23 || _minute > 59 || _second > 60)
        {
            return false;
        }

        // A leap second cannot be represented; the second before it is close enough.
        var local = new DateTime(year, _month, _day, hour, _minute, Math.Min(_second, 59), DateTimeKind.Unspecified);
        var offset = TimeSpan.FromMinutes(_offset);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        date = new DateTimeOffset(local, offset);
        return true;
    }

    private static DateToken At(ReadOnlySpan<DateToken> t, int i) =>
        i < t.Length ? t[i] : new DateToken(DateTokenKind.Punct, 0, 0, 0);

    // hh:mm[:ss[.fraction]]
    private int ReadTime(ReadOnlySpan<DateToken> t, int i)
    {
        _hasTime = true;
        _hour = t[i].Value;
        _minute = t[i + 2].Length <= 2 ? t[i + 2].Value : 99;
        i += 2;
        if (At(t, i + 1).IsPunct(':') && At(t, i + 2).Kind == DateTokenKind.Number)
        {
            _second = t[i + 2].Length <= 2 ? t[i + 2].Value : 99;
            i += 2;
            var dot = At(t, i + 1);
            var fraction = At(t, i + 2);
            if (dot.IsPunct('.') && fraction.Kind == DateTokenKind.Number && fraction.Start == dot.Start + 1)
            {
                i += 2;
            }
        }

        return i;
    }

    private static bool IsNumericDate(ReadOnlySpan<DateToken> t, int i) =>
        At(t, i + 1).Kind == DateTokenKind.Punct && At(t, i + 1).Value is '-' or '/' or '.'
        && At(t, i + 2).Kind == DateTokenKind.Number
        && At(t, i + 3).IsPunct((char)At(t, i + 1).Value)
        && At(t, i + 4).Kind == DateTokenKind.Number;

    // 2024-05-01, 2024/5/1, 29-04-2017, 04/29/2017. Without a 4-digit year the order is a guess, so refuse.
    private bool ReadNumericDate(ReadOnlySpan<DateToken> t, int i)
    {
        var (a, b, c) = (t[i], t[i + 2], t[i + 4]);
        if (a.Length == 4)
        {
            (_year, _month, _day) = (a.Value, b.Value, c.Value);
        }
        else if (c.Length == 4 && a.Length <= 2 && b.Length <= 2)
        {
            _year = c.Value;

            // Day first, as most of the world writes it, unless that is impossible or the
            // separator is the US slash and the order still fits month first.
            var monthFirst = a.Value <= 12 && (b.Value > 12 || t[i + 1].Value == '/');
            (_month, _day) = monthFirst ? (a.Value, b.Value) : (b.Value, a.Value);
        }
        else
        {
            return false;
        }

        _yearDigits = 4;
        return _month is >= 1 and <= 12 && _day >= 1;
    }

    // Numbers without a colon: day or year.
    private bool PlaceNumber(DateToken tok)
    {
        // "Tue, 029 Apr 2019": a zero-padded day is still a day.
        var paddedDay = tok.Length == 3 && tok.Value is >= 1 and <= 31;
        if (_day == 0 && tok.Value is >= 1 and <= 31 && (tok.Length <= 2 || paddedDay))
        {
            _day = tok.Value;
            return true;
        }

        if (_yearDigits == 0 && tok.Length <= 4)
        {
            _year = tok.Value;
            _yearDigits = tok.Length;
            return true;
        }

        return false;
    }

    private bool ReadWord(ReadOnlySpan<char> word)
    {
        if (_month == 0 && DateWords.Month(word) is var month and > 0)
        {
            _month = month;
            return true;
        }

        if (!_hasTime && (DateWords.IsDayName(word) || word.Equals("T", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (word.Equals("at", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Chinese clients put 下午 before the time, so AM/PM is taken wherever it is.
        if (_meridiem == 0 && DateWords.Meridiem(word) is var meridiem and not 0)
        {
            _meridiem = meridiem;
            return true;
        }

        if ((_hasTime || DateComplete) && !_hasZone && DateWords.TryZone(word, out var minutes, out var universal))
        {
            _hasZone = true;
            _zoneIsUniversal = universal;
            _offset = minutes;
            return true;
        }

        return false;
    }

    // +hhmm, -hh:mm, +h, "--0700" (a doubled sign).
    private int ReadOffset(ReadOnlySpan<DateToken> t, int i)
    {
        var sign = t[i].Value == '-' ? -1 : 1;
        while (At(t, i + 1).IsSign)
        {
            i++;
        }

        var n = At(t, i + 1);
        if (n.Kind != DateTokenKind.Number)
        {
            return i;
        }

        i++;
        if (n.Length is 3 or 4)
        {
            SetOffset(sign, n.Value / 100, n.Value % 100);
        }
        else if (n.Length <= 2)
        {
            var minutes = 0;
            if (At(t, i + 1).IsPunct(':') && At(t, i + 2).Kind == DateTokenKind.Number)
            {
                minutes = t[i + 2].Value;
                i += 2;
            }

            SetOffset(sign, n.Value, minutes);
        }

        return i;
    }

    // An offset no zone has (beyond ±14:00) carries no usable information: keep UTC.
    private void SetOffset(int sign, int hours, int minutes)
    {
        _hasZone = true;
        _zoneIsUniversal = false;
        var total = (hours * 60) + minutes;
        _offset = minutes < 60 && total <= MaxOffsetMinutes ? sign * total : 0;
    }
}
