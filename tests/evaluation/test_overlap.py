"""Near copies of evaluation stories: found through spelling variants, not through a formula."""

from marsad.evaluation.overlap import near_copies
from marsad.resources import load_resources

STORY = ("أعلنت وزارة الداخلية التونسية أمس تفكيك خلية إرهابية تتكون من ستة عناصر كانت تخطط "
         "لتنفيذ هجمات على مقرات أمنية في محافظة الكاف، وقالت الوزارة في بيان إن العناصر "
         "الموقوفين على صلة بتنظيم داعش وإن التحقيقات متواصلة لكشف بقية أفراد الخلية.")


def test_another_papers_reprint_is_a_copy_whatever_its_spelling():
    reprint = ("تونس - واس: " + STORY.replace("أعلنت", "اعلنت").replace("إرهابية", "ارهابيّة")
               .replace("الكاف،", "الكاف ،") + " وتأتي العملية ضمن حملة واسعة.")
    found = near_copies([("reprint", reprint)], {"dev": STORY}, load_resources().language)
    assert [(c.article, c.reference) for c in found] == [("reprint", "dev")]


def test_another_story_told_with_the_same_formula_is_no_copy():
    other = ("أعلنت وزارة الداخلية السعودية أمس القبض على مطلوبين في قضايا تهريب مخدرات في منطقة "
             "جازان، وقالت الوزارة في بيان إن المقبوض عليهم أحيلوا إلى النيابة العامة لاستكمال "
             "الإجراءات النظامية بحقهم.")
    assert near_copies([("other", other)], {"dev": STORY}, load_resources().language) == []
