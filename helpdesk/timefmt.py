def span(seconds: float) -> str:
    """“3d 4h”, “5h 12m”, “7m”, “40s”: the words static/js/countdown.js writes too."""
    seconds = abs(seconds)
    minutes = int(seconds // 60)
    days, minutes = divmod(minutes, 1440)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h {minutes}m"
    if minutes:
        return f"{minutes}m"
    return f"{int(seconds)}s"
