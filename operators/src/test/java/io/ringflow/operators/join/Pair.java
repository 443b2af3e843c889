package io.ringflow.operators.join;

/** A join's output in the tests: the ids of the left and the right record. Mutable and reused by operators. */
final class Pair
{
    long left;
    long right;

    Pair()
    {
    }

    Pair(final long left, final long right)
    {
        this.left = left;
        this.right = right;
    }

    static void join(final Item left, final Item right, final Pair into)
    {
        into.left = left.id;
        into.right = right.id;
    }

    Pair copy()
    {
        return new Pair(left, right);
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Pair && ((Pair)o).left == left && ((Pair)o).right == right;
    }

    @Override
    public int hashCode()
    {
        return Long.hashCode(left) * 31 + Long.hashCode(right);
    }

    @Override
    public String toString()
    {
        return "(" + left + ", " + right + ")";
    }
}
