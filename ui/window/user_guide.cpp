#include "user_guide.h"

#include <QDialog>
#include <QImage>
#include <QScreen>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QVBoxLayout>

#include <algorithm>

namespace nines::ui {

namespace {

// The screenshots are 1,280 pixels wide: each is drawn at the width of the text, not past it.
void fitPictures(QTextBrowser* browser, double width)
{
    for (QTextBlock b = browser->document()->begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (!f.charFormat().isImageFormat())
                continue;
            QTextImageFormat image = f.charFormat().toImageFormat();
            const QVariant loaded = browser->loadResource(QTextDocument::ImageResource, QUrl(image.name()));
            QImage picture;
            if (!picture.loadFromData(loaded.toByteArray()))  // the bytes of a resource, or an image
                picture = loaded.value<QImage>();
            if (picture.isNull() || picture.width() <= width)
                continue;
            image.setWidth(width);
            image.setHeight(width * picture.height() / picture.width());
            QTextCursor c(browser->document());
            c.setPosition(f.position());
            c.setPosition(f.position() + f.length(), QTextCursor::KeepAnchor);
            c.setCharFormat(image);
        }
}

}  // namespace

QDialog* createUserGuide(QWidget* parent)
{
    auto* guide = new QDialog(parent);
    guide->setWindowTitle(QDialog::tr("Nines User Guide"));
    auto* layout = new QVBoxLayout(guide);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* browser = new QTextBrowser(guide);
    browser->setObjectName(QStringLiteral("userGuide"));
    browser->setOpenExternalLinks(true);
    browser->setSource(QUrl(QStringLiteral("qrc:/docs/user-guide.md")), QTextDocument::MarkdownResource);
    layout->addWidget(browser);
    // Beside the window on a laptop's screen, not past its edge.
    const QSize room = parent && parent->screen() ? parent->screen()->availableGeometry().size() : QSize(1280, 720);
    guide->resize(std::min(900, room.width() - 40), std::min(760, room.height() - 60));
    fitPictures(browser, guide->width() - 60);
    return guide;
}

}  // namespace nines::ui
