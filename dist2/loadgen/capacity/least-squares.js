/** Ordinary least squares of a straight line through points: the fits of the capacity report. */
/**
 * The least-squares line through `points`, or undefined when it is not determined: fewer than two points, or
 * every x the same (no spread to fit a slope on). Non-finite points are a bug upstream and throw.
 */
export function fitLine(points) {
    for (const point of points) {
        if (!Number.isFinite(point.x) || !Number.isFinite(point.y))
            throw new RangeError(`fitLine: non-finite point ${JSON.stringify(point)}`);
    }
    const n = points.length;
    if (n < 2)
        return undefined;
    const meanX = points.reduce((sum, point) => sum + point.x, 0) / n;
    const meanY = points.reduce((sum, point) => sum + point.y, 0) / n;
    let sxx = 0;
    let sxy = 0;
    let syy = 0;
    for (const point of points) {
        const dx = point.x - meanX;
        const dy = point.y - meanY;
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    // Relative to the x values' size, so that x in the millions with a spread of one still counts as spread.
    if (sxx <= Number.EPSILON * Math.max(1, meanX * meanX) * n)
        return undefined;
    const slope = sxy / sxx;
    const intercept = meanY - slope * meanX;
    const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
    return {
        slope,
        intercept,
        r2,
        n,
        xMin: Math.min(...points.map((point) => point.x)),
        xMax: Math.max(...points.map((point) => point.x)),
    };
}
//# sourceMappingURL=least-squares.js.map