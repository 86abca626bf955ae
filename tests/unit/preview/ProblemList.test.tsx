import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { analyzeDraft } from '../../../src/features/preview/analyzeDraft';
import { ProblemList } from '../../../src/features/preview/ProblemList';
import { fixtureText } from '../support/fixtures';

describe('ProblemList', () => {
  it('lists each problem as a button naming its kind, path and place; choosing one hands it over', async () => {
    const analysis = analyzeDraft(fixtureText('articles/bad-body-only-invalid-blocks.json'));
    const onChoose = vi.fn();
    render(<ProblemList problems={analysis.problems} onChoose={onChoose} />);

    expect(screen.getByRole('status')).toHaveTextContent('1 error and 3 warnings; the draft cannot be shown until the errors are fixed.');
    const buttons = screen.getAllByRole('button');
    expect(buttons).toHaveLength(4);
    expect(buttons[0]).toHaveAccessibleName(/^Error \$\.body line 21, column 3 body must hold at least one block$/);
    await userEvent.click(screen.getByRole('button', { name: /\$\.body\[1\]\.text/ }));
    expect(onChoose).toHaveBeenCalledWith(expect.objectContaining({ path: '$.body[1].text', severity: 'warning' }));
  });

  it('says when there is nothing wrong, and while it is still checking', () => {
    const { rerender } = render(<ProblemList problems={null} onChoose={() => {}} />);
    expect(screen.getByRole('status')).toHaveTextContent('Checking the draft…');
    rerender(<ProblemList problems={[]} onChoose={() => {}} />);
    expect(screen.getByRole('status')).toHaveTextContent('No problems');
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});
